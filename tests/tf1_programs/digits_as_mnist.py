"""A stand-in for TensorFlow 1's `tensorflow.examples.tutorials.mnist.input_data`
that serves the bundled 8x8 digits (64 pixels, not MNIST's 784), so that the
TF1 programs here run offline and quickly. Same interface as the programs use:
`read_data_sets(...).train.next_batch(n)`, `.train.num_examples`,
`.test.images`, `.test.labels`. Batches are taken in order (no shuffling), so
both libraries see the same batches."""
import numpy as np

from minidl.datasets import load_digits, train_test_split
from minidl.datasets import one_hot as _one_hot


class DataSet:
    """Images and labels, handed out `batch_size` rows at a time, in order,
    starting again at the top when the rows run out."""

    def __init__(self, images, labels):
        self.images, self.labels = images, labels
        self.num_examples = len(images)
        self._position = 0

    def next_batch(self, batch_size):
        if self._position + batch_size > self.num_examples:
            self._position = 0
        rows = slice(self._position, self._position + batch_size)
        self._position += batch_size
        return self.images[rows], self.labels[rows]


class DataSets:
    def __init__(self, train, test):
        self.train, self.test = train, test


def read_data_sets(train_dir=None, one_hot=False):
    """The digits as float32 images in [0, 1], 80% for training, 20% for
    testing; labels one-hot (float32) when `one_hot`, else ints.
    `train_dir` is ignored (nothing is downloaded)."""
    X, y = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.2, seed=0)
    if one_hot:
        y_train, y_test = (_one_hot(y_train, 10).astype(np.float32),
                           _one_hot(y_test, 10).astype(np.float32))
    return DataSets(DataSet(X_train.astype(np.float32), y_train),
                    DataSet(X_test.astype(np.float32), y_test))
