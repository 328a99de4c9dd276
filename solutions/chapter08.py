"""Model answers to the exercises of chapter 8, real data: handwritten digits."""
import numpy as np

import minidl as tf


def confusion_counts(y_true, y_pred, num_classes):
    """counts[i, j]: how many examples of class i were predicted as class j."""
    counts = np.zeros((num_classes, num_classes), dtype=np.int64)
    for true, guess in zip(y_true, y_pred):
        counts[true, guess] += 1
    return counts


def top_k_accuracy(logits, y, k):
    """The share of rows whose true class is among their k highest scores."""
    top_k = np.argsort(logits, axis=1)[:, ::-1][:, :k]
    return np.mean(np.any(top_k == np.asarray(y)[:, None], axis=1))


def standardize(X_train, X_test):
    """Both sets shifted and scaled by the training set's column statistics;
    a constant column (standard deviation 0) is only shifted."""
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_test - mean) / std


DATA = "digits"


def train(X_train, y_train, num_hidden=64, num_epochs=20, batch_size=32, seed=0):
    """A 64-64-10 network with relu hidden units, trained with Adam in mini-batches,
    as in the chapter; returns the function that labels new rows."""
    rng = np.random.default_rng(seed)
    num_features, num_classes = X_train.shape[1], int(y_train.max()) + 1
    X = tf.placeholder(tf.float64, shape=(None, num_features), name="X")
    Y = tf.placeholder(tf.float64, shape=(None, num_classes), name="Y")
    W1 = tf.Variable(rng.standard_normal((num_features, num_hidden)) * np.sqrt(2 / num_features),
                     name="W1")
    b1 = tf.Variable(np.zeros(num_hidden), name="b1")
    W2 = tf.Variable(rng.standard_normal((num_hidden, num_classes)) / np.sqrt(num_hidden),
                     name="W2")
    b2 = tf.Variable(np.zeros(num_classes), name="b2")
    logits = tf.relu(X @ W1 + b1) @ W2 + b2
    J = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
    train_step = tf.train.AdamOptimizer(learning_rate=0.01).minimize(J)
    Y_train = tf.datasets.one_hot(y_train, num_classes)
    session = tf.Session()
    for _ in range(num_epochs):
        order = rng.permutation(len(X_train))
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            session.run(train_step, {X: X_train[batch], Y: Y_train[batch]})
    labels = tf.argmax(logits, axis=1)
    return lambda X_new: session.run(labels, {X: X_new})
