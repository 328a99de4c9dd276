"""Model answers to the exercises of chapter 6, multi-layer perceptrons."""
import numpy as np

import minidl as tf


def xor_weights():
    """Unit 1 is "x1 OR x2", unit 2 is "x1 AND x2"; the output is "OR and not AND".

    Weights of 20 make each sigmoid almost a step: sigmoid(10) > 0.9999.
    """
    W1 = np.array([[20.0, 20.0],
                   [20.0, 20.0]])
    b1 = np.array([-10.0, -30.0])
    w2 = np.array([20.0, -20.0])
    b2 = -10.0
    return W1, b1, w2, b2


def mlp_logits(X, layers):
    """sigmoid(h W + b) for every layer but the last, h W + b for the last."""
    h = X
    for W, b in layers[:-1]:
        h = tf.sigmoid(h @ W + b)
    W, b = layers[-1]
    return h @ W + b


def train_and_predict(X_train, y_train, X_test, num_hidden=8, num_steps=500, seed=0):
    """A 2-8-2 network with tanh hidden units, trained with Adam on all points at once."""
    rng = np.random.default_rng(seed)
    X = tf.placeholder(tf.float64, shape=(None, 2), name="X")
    Y = tf.placeholder(tf.float64, shape=(None, 2), name="Y")
    W1 = tf.Variable(rng.standard_normal((2, num_hidden)), name="W1")
    b1 = tf.Variable(np.zeros(num_hidden), name="b1")
    W2 = tf.Variable(rng.standard_normal((num_hidden, 2)), name="W2")
    b2 = tf.Variable(np.zeros(2), name="b2")
    logits = tf.tanh(X @ W1 + b1) @ W2 + b2
    J = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
    train_step = tf.train.AdamOptimizer(learning_rate=0.05).minimize(J)
    feed_dict = {X: X_train, Y: tf.datasets.one_hot(y_train, 2)}
    with tf.Session() as session:
        for _ in range(num_steps):
            session.run(train_step, feed_dict=feed_dict)
        return session.run(tf.argmax(logits, axis=1), feed_dict={X: X_test})
