"""The digits model of chapter 8 (notebooks/08_real_data_digits.ipynb), rebuilt
with the same seed, architecture and hyperparameters, classifies at least 95%
of the held-out digits correctly. If this fails, so does the chapter's claim."""
import numpy as np

import minidl as tf

SEED = 0


def test_chapter8_perceptron_gets_95_percent_of_held_out_digits_right():
    X_data, y_data = tf.datasets.load_digits()
    X_train, X_test, y_train, y_test = tf.datasets.train_test_split(
        X_data, y_data, test_fraction=0.2, seed=SEED)
    Y_train = tf.datasets.one_hot(y_train, 10)
    num_pixels, num_hidden, num_classes = 64, 32, 10
    learning_rate, batch_size, num_epochs = 0.01, 64, 20
    rng = np.random.default_rng(SEED)
    with tf.Graph().as_default():
        tf.set_random_seed(SEED)
        X = tf.placeholder(tf.float64, shape=(None, num_pixels))
        Y = tf.placeholder(tf.float64, shape=(None, num_classes))
        hidden = tf.layers.dense(X, num_hidden, activation=tf.nn.relu,
                                 kernel_initializer=tf.random_normal_initializer(
                                     stddev=np.sqrt(2 / num_pixels)))
        logits = tf.layers.dense(hidden, num_classes,
                                 kernel_initializer=tf.random_normal_initializer(
                                     stddev=np.sqrt(2 / num_hidden)))
        J = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
        train_step = tf.train.AdamOptimizer(learning_rate).minimize(J)
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            for _ in range(num_epochs):
                order = rng.permutation(len(X_train))
                for start in range(0, len(X_train), batch_size):
                    batch = order[start:start + batch_size]
                    session.run(train_step, feed_dict={X: X_train[batch], Y: Y_train[batch]})
            predicted = session.run(tf.argmax(logits, axis=1), feed_dict={X: X_test})
    assert len(y_test) == 359
    accuracy = np.mean(predicted == y_test)
    assert accuracy >= 0.95, f"held-out accuracy {accuracy:.1%}, below 95%"
