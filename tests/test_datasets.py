"""The chapters' data: seeded point clouds with the shapes they promise, and the digits."""
import csv
import gzip
from pathlib import Path

import numpy as np
import pytest

from minidl import datasets

# The file itself, found by path in the checkout (not by the code under test).
DIGITS_CSV = Path(__file__).parent.parent / "minidl" / "data" / "digits.csv.gz"
GENERATORS = [datasets.blobs, datasets.xor, datasets.circles, datasets.spiral]


def least_squares_accuracy(features, y):
    """Training accuracy of a linear classifier fitted by least squares to one-hot
    targets (with a bias column): high only when a linear boundary separates the classes."""
    design = np.column_stack([features, np.ones(len(features))])
    targets = np.eye(y.max() + 1)[y]
    weights, *_ = np.linalg.lstsq(design, targets, rcond=None)
    return np.mean(np.argmax(design @ weights, axis=1) == y)


@pytest.mark.parametrize("generate", GENERATORS, ids=lambda f: f.__name__)
def test_generator_returns_float_points_and_int_labels(generate):
    X, y = generate(n=90, seed=1)
    assert X.shape == (90, 2) and X.dtype == np.float64
    assert y.shape == (90,) and y.dtype == np.int64
    num_classes = 3 if generate is datasets.spiral else 2
    assert set(y.tolist()) == set(range(num_classes))
    assert np.all(np.bincount(y) == 90 // num_classes)
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("generate", GENERATORS, ids=lambda f: f.__name__)
def test_generator_is_determined_by_its_seed(generate):
    X, y = generate(seed=3)
    X_again, y_again = generate(seed=3)
    X_other, _ = generate(seed=4)
    np.testing.assert_array_equal(X, X_again)
    np.testing.assert_array_equal(y, y_again)
    assert not np.allclose(X, X_other)


@pytest.mark.parametrize("generate", GENERATORS, ids=lambda f: f.__name__)
def test_generator_leaves_global_random_state_alone(generate):
    np.random.seed(0)
    expected = np.random.random()
    np.random.seed(0)
    generate(seed=5)
    assert np.random.random() == expected


@pytest.mark.parametrize("generate", GENERATORS, ids=lambda f: f.__name__)
def test_labels_come_in_mixed_order(generate):
    _, y = generate(n=200, seed=0)
    first_half_classes = set(y[:100].tolist())
    assert len(first_half_classes) == y.max() + 1


def test_blobs_default_two_classes_center_on_minus_two_and_two():
    X, y = datasets.blobs(n=2000, seed=0)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [-2, -2], atol=0.1)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [2, 2], atol=0.1)
    np.testing.assert_allclose(X[y == 0].std(axis=0), [1, 1], atol=0.1)


def test_blobs_take_given_centers_spread_and_class_count():
    centers = [[0, 5], [5, 0], [-5, 0], [0, -5]]
    X, y = datasets.blobs(n=4000, seed=2, classes=4, centers=centers, spread=0.5)
    assert set(y.tolist()) == {0, 1, 2, 3}
    for label, center in enumerate(centers):
        np.testing.assert_allclose(X[y == label].mean(axis=0), center, atol=0.05)
        np.testing.assert_allclose(X[y == label].std(axis=0), [0.5, 0.5], atol=0.05)


def test_blobs_default_centers_for_many_classes_are_distinct():
    X, y = datasets.blobs(n=1000, seed=0, classes=5, spread=0.1)
    means = np.array([X[y == label].mean(axis=0) for label in range(5)])
    distances = np.linalg.norm(means[:, None] - means[None], axis=-1)
    assert distances[~np.eye(5, dtype=bool)].min() > 2


def test_blobs_reject_centers_that_do_not_match_classes():
    with pytest.raises(ValueError, match=r"shape \(2, 2\), expected \(3, 2\)"):
        datasets.blobs(classes=3, centers=[[0, 0], [1, 1]])


def test_blobs_are_linearly_separable():
    X, y = datasets.blobs(n=400, seed=0)
    assert least_squares_accuracy(X, y) > 0.95


@pytest.mark.parametrize("generate", [datasets.xor, datasets.circles, datasets.spiral],
                         ids=lambda f: f.__name__)
def test_no_straight_line_separates_xor_circles_or_spiral(generate):
    X, y = generate(n=600, seed=0)
    assert least_squares_accuracy(X, y) < 0.9


def test_xor_becomes_separable_with_the_product_feature():
    X, y = datasets.xor(n=600, seed=0)
    assert least_squares_accuracy(np.column_stack([X, X[:, 0] * X[:, 1]]), y) > 0.95


def test_xor_labels_are_the_exclusive_or_of_the_quadrant_signs():
    X, y = datasets.xor(n=600, seed=0, spread=0.1)
    np.testing.assert_array_equal(y, (X[:, 0] > 0) ^ (X[:, 1] > 0))


def test_circles_become_separable_with_the_squared_radius():
    X, y = datasets.circles(n=600, seed=0)
    assert least_squares_accuracy(np.column_stack([X, (X ** 2).sum(axis=1)]), y) > 0.95


def test_circles_put_class_one_inside():
    X, y = datasets.circles(n=600, seed=0, inner_radius=0.3, noise=0.05)
    radius = np.linalg.norm(X, axis=1)
    assert radius[y == 1].max() < radius[y == 0].min()


def test_spiral_has_the_requested_number_of_arms_within_unit_distance():
    X, y = datasets.spiral(n=500, seed=0, classes=5)
    assert np.all(np.bincount(y) == 100)
    assert np.linalg.norm(X, axis=1).max() <= 1 + 1e-12


def test_one_hot_puts_a_single_one_at_each_label():
    np.testing.assert_array_equal(datasets.one_hot(np.array([2, 0, 1, 2])),
                                  [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]])


def test_one_hot_with_more_classes_than_labels_seen():
    encoded = datasets.one_hot(np.array([1, 0]), num_classes=4)
    assert encoded.shape == (2, 4) and encoded.dtype == np.float64
    np.testing.assert_array_equal(encoded, [[0, 1, 0, 0], [1, 0, 0, 0]])


def test_one_hot_rejects_labels_out_of_range_and_non_integers():
    with pytest.raises(ValueError, match=r"0\.\.2, found 0\.\.3"):
        datasets.one_hot(np.array([0, 3]), num_classes=3)
    with pytest.raises(ValueError, match="int labels, got float64"):
        datasets.one_hot(np.array([0.0, 1.0]))


def test_load_digits_matches_the_csv_file_scaled_to_unit_range():
    with gzip.open(DIGITS_CSV, "rt") as file:
        rows = np.array([[int(value) for value in row] for row in csv.reader(file)])
    X, y = datasets.load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert y.shape == (1797,) and np.issubdtype(y.dtype, np.integer)
    np.testing.assert_array_equal(X * 16, rows[:, :64])
    np.testing.assert_array_equal(y, rows[:, 64])


def test_digits_cover_zero_to_nine_with_pixels_in_unit_range():
    X, y = datasets.load_digits()
    assert X.min() == 0.0 and X.max() == 1.0
    assert sorted(set(y.tolist())) == list(range(10))
    assert np.all((np.bincount(y) >= 170) & (np.bincount(y) <= 190))


def test_load_digits_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    X, _ = datasets.load_digits()
    assert X.shape == (1797, 64)


def test_split_sizes_are_disjoint_and_cover_every_row_with_labels_aligned():
    X = np.arange(50, dtype=np.float64).reshape(25, 2)
    y = np.arange(25)
    X_train, X_test, y_train, y_test = datasets.train_test_split(X, y, test_fraction=0.2)
    assert len(X_train) == len(y_train) == 20 and len(X_test) == len(y_test) == 5
    assert set(y_train.tolist()).isdisjoint(y_test.tolist())
    assert set(y_train.tolist()) | set(y_test.tolist()) == set(range(25))
    np.testing.assert_array_equal(X_train[:, 0], 2 * y_train)
    np.testing.assert_array_equal(X_test[:, 0], 2 * y_test)


def test_split_is_determined_by_its_seed_and_shuffles():
    X, y = np.zeros((100, 2)), np.arange(100)
    test_rows = datasets.train_test_split(X, y, seed=1)[3]
    np.testing.assert_array_equal(test_rows, datasets.train_test_split(X, y, seed=1)[3])
    assert not np.array_equal(test_rows, datasets.train_test_split(X, y, seed=2)[3])
    assert not np.array_equal(test_rows, np.arange(80, 100))


def test_split_rejects_mismatched_lengths_and_empty_sets():
    with pytest.raises(ValueError, match="X has 4 rows but y has 3"):
        datasets.train_test_split(np.zeros((4, 2)), np.zeros(3))
    with pytest.raises(ValueError, match="both sets must be non-empty"):
        datasets.train_test_split(np.zeros((4, 2)), np.zeros(4), test_fraction=0.01)


def test_three_way_split_sizes_are_disjoint_and_cover_every_row_with_labels_aligned():
    X = np.arange(100, dtype=np.float64).reshape(50, 2)
    y = np.arange(50)
    (X_train, y_train), (X_validation, y_validation), (X_test, y_test) = (
        datasets.train_validation_test_split(X, y, validation_fraction=0.2, test_fraction=0.1))
    assert (len(y_train), len(y_validation), len(y_test)) == (35, 10, 5)
    assert sorted(np.concatenate([y_train, y_validation, y_test]).tolist()) == list(range(50))
    for X_part, y_part in [(X_train, y_train), (X_validation, y_validation), (X_test, y_test)]:
        np.testing.assert_array_equal(X_part[:, 0], 2 * y_part)


def test_three_way_split_is_determined_by_its_seed_and_shuffles():
    X, y = np.zeros((100, 2)), np.arange(100)
    validation_rows = datasets.train_validation_test_split(X, y, seed=1)[1][1]
    again = datasets.train_validation_test_split(X, y, seed=1)[1][1]
    np.testing.assert_array_equal(validation_rows, again)
    assert not np.array_equal(validation_rows,
                              datasets.train_validation_test_split(X, y, seed=2)[1][1])
    assert not np.array_equal(np.sort(validation_rows), np.arange(60, 80))


def test_three_way_split_rejects_mismatched_lengths_and_empty_sets():
    with pytest.raises(ValueError, match="X has 4 rows but y has 3"):
        datasets.train_validation_test_split(np.zeros((4, 2)), np.zeros(3))
    with pytest.raises(ValueError, match="leave 0 for training, 5 for validation"):
        datasets.train_validation_test_split(np.zeros((10, 2)), np.zeros(10),
                                             validation_fraction=0.5, test_fraction=0.5)
    with pytest.raises(ValueError, match="0 for testing: every set must be non-empty"):
        datasets.train_validation_test_split(np.zeros((10, 2)), np.zeros(10),
                                             test_fraction=0.01)
