# ruff: noqa
# A TF1 program as published, run by tests/test_tf1_programs.py on minidl and
# compared with what TensorFlow 1 prints (nearest_neighbor.tf1.txt).
# Source: https://github.com/aymericdamien/TensorFlow-Examples,
#   tensorflow_v1/examples/2_BasicModels/nearest_neighbor.py (commit 80662c5d)
# Licence: MIT, Copyright (c) 2015 Aymeric Damien and the respective contributors.
# Changed: the import line; MNIST is replaced by the bundled 8x8 digits
# (digits_as_mnist.py, so 784 -> 64 pixels); 5000 -> 1000 training candidates
# and 200 -> 50 test digits.
'''
A nearest neighbor learning algorithm example using TensorFlow library.
This example is using the MNIST database of handwritten digits
(http://yann.lecun.com/exdb/mnist/)

Author: Aymeric Damien
Project: https://github.com/aymericdamien/TensorFlow-Examples/
'''

from __future__ import print_function

import numpy as np
import minidl as tf

# Import MNIST data
import digits_as_mnist as input_data
mnist = input_data.read_data_sets("/tmp/data/", one_hot=True)

# In this example, we limit mnist data
Xtr, Ytr = mnist.train.next_batch(1000) #5000 for training (nn candidates)
Xte, Yte = mnist.test.next_batch(50) #200 for testing

# tf Graph Input
xtr = tf.placeholder("float", [None, 64])
xte = tf.placeholder("float", [64])

# Nearest Neighbor calculation using L1 Distance
# Calculate L1 Distance
distance = tf.reduce_sum(tf.abs(tf.add(xtr, tf.negative(xte))), reduction_indices=1)
# Prediction: Get min distance index (Nearest neighbor)
pred = tf.arg_min(distance, 0)

accuracy = 0.

# Initialize the variables (i.e. assign their default value)
init = tf.global_variables_initializer()

# Start training
with tf.Session() as sess:

    # Run the initializer
    sess.run(init)

    # loop over test data
    for i in range(len(Xte)):
        # Get nearest neighbor
        nn_index = sess.run(pred, feed_dict={xtr: Xtr, xte: Xte[i, :]})
        # Get nearest neighbor class label and compare it to its true label
        print("Test", i, "Prediction:", np.argmax(Ytr[nn_index]), \
            "True Class:", np.argmax(Yte[i]))
        # Calculate accuracy
        if np.argmax(Ytr[nn_index]) == np.argmax(Yte[i]):
            accuracy += 1./len(Xte)
    print("Done!")
    print("Accuracy:", accuracy)
