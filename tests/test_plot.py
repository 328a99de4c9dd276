"""minidl.plot draws what it is given: checked on the data of the artists, not on pixels."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.contour import ContourSet

import minidl
from minidl import plot

# Any warning matplotlib prints would show up in a notebook's output: make it a failure.
pytestmark = pytest.mark.filterwarnings("error")


class CountingSession:
    """A Session that records the feed of every run."""

    def __init__(self, graph):
        self.session = minidl.Session(graph)
        self.feeds = []

    def run(self, fetches, feed_dict=None):
        self.feeds.append(feed_dict)
        return self.session.run(fetches, feed_dict)


def linear_scores(weights, bias):
    """A graph computing x @ weights + bias for points x fed to the returned placeholder."""
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder(minidl.float64, shape=(None, 2), name="x")
        scores = minidl.matmul(x, minidl.constant(np.array(weights, dtype=np.float64))) \
            + minidl.constant(np.array(bias, dtype=np.float64))
    return graph, x, scores


def contour_sets(ax, filled):
    return [item for item in ax.collections
            if isinstance(item, ContourSet) and item.filled == filled]


def boundary_vertices(ax):
    """Every vertex of the boundary lines drawn on ax, shape (m, 2)."""
    return np.concatenate([path.vertices for lines in contour_sets(ax, filled=False)
                           for path in lines.get_paths() if len(path.vertices)])


POINTS = np.array([[-2.0, -1.0], [1.5, 2.0], [0.5, -1.5], [-1.0, 1.0]])
LABELS = np.array([0, 1, 0, 1])


def test_class_colors_start_red_then_blue_and_repeat():
    assert to_rgba(plot.class_color(0))[:3] == pytest.approx((0.84, 0.15, 0.16), abs=0.01)
    assert to_rgba(plot.class_color(1))[:3] == pytest.approx((0.12, 0.47, 0.71), abs=0.01)
    assert len(set(plot.CLASS_COLORS)) == len(plot.CLASS_COLORS)
    assert plot.class_color(len(plot.CLASS_COLORS)) == plot.class_color(0)


def test_scatter_draws_each_class_in_its_colour():
    X = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0], [8.0, 9.0]])
    y = np.array([1, 0, 2, 1, 0])
    ax = plot.scatter(X, y)
    assert len(ax.collections) == 3
    for label, points in enumerate(ax.collections):
        np.testing.assert_array_equal(points.get_offsets(), X[y == label])
        np.testing.assert_allclose(points.get_facecolors()[0][:3],
                                   to_rgba(plot.class_color(label))[:3])


def test_scatter_uses_the_given_axes_and_names_classes_in_a_legend():
    _, ax = plt.subplots()
    assert plot.scatter(POINTS, LABELS, ax=ax, legend=True) is ax
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["class 0", "class 1"]


def test_scatter_rejects_points_that_are_not_pairs():
    with pytest.raises(ValueError, match=r"shape \(n, 2\).*got \(4, 3\) and \(4,\)"):
        plot.scatter(np.zeros((4, 3)), LABELS)


def test_decision_boundary_evaluates_the_whole_grid_in_one_run():
    graph, x, scores = linear_scores([[1, -1], [-1, 1]], [0, 0])
    session = CountingSession(graph)
    plot.decision_boundary(session, scores, x, POINTS, LABELS, resolution=30)
    assert len(session.feeds) == 1
    assert session.feeds[0][x].shape == (900, 2)


def test_grid_covers_the_data_and_predicts_the_hand_set_classes():
    graph, x, scores = linear_scores([[1, -1], [-1, 1]], [0, 0])
    xx, yy, grid = plot.grid_scores(minidl.Session(graph), scores, x, POINTS, resolution=41)
    assert xx.shape == yy.shape == (41, 41) and grid.shape == (41, 41, 2)
    assert xx.min() < POINTS[:, 0].min() and xx.max() > POINTS[:, 0].max()
    assert yy.min() < POINTS[:, 1].min() and yy.max() > POINTS[:, 1].max()
    np.testing.assert_allclose(grid[..., 1] - grid[..., 0], 2 * (yy - xx))
    off_diagonal = ~np.isclose(xx, yy)
    np.testing.assert_array_equal(grid.argmax(axis=-1)[off_diagonal], (yy > xx)[off_diagonal])


def test_two_class_boundary_is_the_line_where_the_scores_are_equal():
    graph, x, scores = linear_scores([[1, -1], [-1, 1]], [0, 0])
    ax = plot.decision_boundary(minidl.Session(graph), scores, x, POINTS, LABELS,
                                resolution=50)
    [filled] = contour_sets(ax, filled=True)
    np.testing.assert_array_equal(filled.levels, [-0.5, 0.5, 1.5])
    [lines] = contour_sets(ax, filled=False)
    np.testing.assert_array_equal(lines.levels, [0])
    vertices = boundary_vertices(ax)
    assert len(vertices) > 10
    np.testing.assert_allclose(vertices[:, 0], vertices[:, 1], atol=1e-9)


def test_points_are_drawn_over_the_regions_when_labels_are_given():
    graph, x, scores = linear_scores([[1, -1], [-1, 1]], [0, 0])
    session = minidl.Session(graph)
    with_points = plot.decision_boundary(session, scores, x, POINTS, LABELS, resolution=20)
    offsets = [item.get_offsets() for item in with_points.collections
               if not isinstance(item, ContourSet)]
    np.testing.assert_array_equal(np.concatenate(offsets),
                                  np.concatenate([POINTS[LABELS == 0], POINTS[LABELS == 1]]))
    without_points = plot.decision_boundary(session, scores, x, POINTS, resolution=20)
    assert all(isinstance(item, ContourSet) for item in without_points.collections)


@pytest.mark.parametrize("apply_sigmoid, threshold", [(True, 0.5), (False, 0.0)])
def test_single_output_boundary_is_where_it_crosses_the_threshold(apply_sigmoid, threshold):
    graph, x, logit = linear_scores([[1], [1]], [0.5])
    with graph.as_default():
        output = minidl.sigmoid(logit) if apply_sigmoid else logit
    session = minidl.Session(graph)
    _, _, grid = plot.grid_scores(session, output, x, POINTS, resolution=25,
                                  threshold=threshold)
    assert grid.shape == (25, 25, 2)
    ax = plot.decision_boundary(session, output, x, POINTS, resolution=60, threshold=threshold)
    vertices = boundary_vertices(ax)
    # Contours interpolate linearly between grid points, slightly off for a sigmoid.
    np.testing.assert_allclose(vertices.sum(axis=1), -0.5, atol=1e-4)


def test_three_class_boundaries_lie_where_the_leading_class_changes():
    # Scores (-x0, 0, x0 - 2): class 0 wins for x0 < 0, class 1 for 0 < x0 < 2,
    # class 2 for x0 > 2.
    graph, x, scores = linear_scores([[-1, 0, 1], [0, 0, 0]], [0, 0, -2])
    X = np.array([[-3.0, -1.0], [4.0, 1.0]])
    ax = plot.decision_boundary(minidl.Session(graph), scores, x, X, resolution=80)
    [filled] = contour_sets(ax, filled=True)
    np.testing.assert_array_equal(filled.levels, [-0.5, 0.5, 1.5, 2.5])
    vertices = boundary_vertices(ax)
    near_zero, near_two = np.isclose(vertices[:, 0], 0), np.isclose(vertices[:, 0], 2)
    assert near_zero.any() and near_two.any()
    assert np.all(near_zero | near_two)


def test_decision_boundary_feeds_the_models_other_placeholders():
    graph, x, scores = linear_scores([[1, -1], [-1, 1]], [0, 0])
    with graph.as_default():
        shift = minidl.placeholder(minidl.float64, shape=(2,), name="shift")
        shifted = scores + shift
    session = minidl.Session(graph)
    _, _, grid = plot.grid_scores(session, shifted, x, POINTS, resolution=10,
                                  feed_dict={shift: np.array([0.0, 100.0])})
    assert np.all(grid.argmax(axis=-1) == 1)


def test_a_model_predicting_one_class_everywhere_draws_no_boundary_and_no_warning():
    graph, x, scores = linear_scores([[0, 0], [0, 0]], [0, 1])
    ax = plot.decision_boundary(minidl.Session(graph), scores, x, POINTS, resolution=20)
    assert contour_sets(ax, filled=False) == []


def test_scores_not_one_row_per_point_are_refused_by_name():
    graph, x, scores = linear_scores([[1, -1], [-1, 1]], [0, 0])
    with graph.as_default():
        total = minidl.reduce_sum(scores, name="total")
    with pytest.raises(ValueError, match="'total' gave shape.*one row of scores per point"):
        plot.decision_boundary(minidl.Session(graph), total, x, POINTS, resolution=10)


def test_training_curves_draw_each_labelled_curve_with_its_values():
    curves = {"train": [3.0, 2.0, 1.5], "test": [3.5, 2.5, 2.4]}
    ax = plot.training_curves(curves, log_scale=True)
    assert [line.get_label() for line in ax.lines] == ["train", "test"]
    for line, losses in zip(ax.lines, curves.values()):
        np.testing.assert_array_equal(line.get_xdata(), [0, 1, 2])
        np.testing.assert_array_equal(line.get_ydata(), losses)
    assert ax.get_yscale() == "log"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["train", "test"]


def test_training_curves_start_where_told_and_take_the_series_colours():
    ax = plot.training_curves({"train": [0.9, 0.95], "test": [0.9, 0.92]}, start=1,
                              xlabel="epoch", ylabel="accuracy")
    for index, line in enumerate(ax.lines):
        np.testing.assert_array_equal(line.get_xdata(), [1, 2])
        assert to_rgba(line.get_color()) == to_rgba(plot.series_color(index))
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("epoch", "accuracy")


def test_training_curves_accept_a_single_list_without_a_legend():
    ax = plot.training_curves([1.0, 0.5, 0.25, 0.2])
    assert len(ax.lines) == 1 and ax.get_legend() is None
    assert ax.get_yscale() == "linear"
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [1.0, 0.5, 0.25, 0.2])


def test_function_curve_plots_f_over_the_range():
    ax = plot.function_curve(lambda x: 1 / (1 + np.exp(-x)), (-4, 4), num_points=9,
                             label="sigmoid")
    [curve] = [line for line in ax.lines if line.get_label() == "sigmoid"]
    np.testing.assert_allclose(curve.get_xdata(), np.arange(-4, 5))
    np.testing.assert_allclose(curve.get_ydata(), 1 / (1 + np.exp(-np.arange(-4, 5))))


def test_surface_path_draws_each_path_over_contours_of_f():
    paths = {"gradient descent": np.array([[2.0, 1.0], [1.0, 0.5], [0.5, 0.1]]),
             "momentum": np.array([[-2.0, -1.0], [0.0, 0.0]])}
    ax = plot.surface_path(lambda x, y: x ** 2 + 10 * y ** 2, paths, resolution=40)
    for label, path in paths.items():
        [line] = [line for line in ax.lines if line.get_label() == label]
        np.testing.assert_array_equal(line.get_xydata(), path)
    assert len(contour_sets(ax, filled=False)) == 1
    x_low, x_high = ax.get_xlim()
    y_low, y_high = ax.get_ylim()
    assert x_low < -2 and x_high > 2 and y_low < -1 and y_high > 1


def test_surface_path_log_levels_are_geometric_and_positive():
    ax = plot.surface_path(lambda x, y: x ** 2 + y ** 2, {"path": [[1.0, 1.0], [0.0, 0.0]]},
                           resolution=41, levels=8, log_scale=True)
    [contours] = contour_sets(ax, filled=False)
    ratios = contours.levels[1:] / contours.levels[:-1]
    assert contours.levels[0] > 0
    np.testing.assert_allclose(ratios, ratios[0])


def test_surface_path_rejects_paths_that_are_not_point_lists():
    with pytest.raises(ValueError, match=r"'adam' has shape \(3,\)"):
        plot.surface_path(lambda x, y: x + y, {"adam": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match="at least one path"):
        plot.surface_path(lambda x, y: x + y, {})


def test_digit_grid_makes_one_titled_axes_per_image():
    images = np.arange(5 * 64, dtype=np.float64).reshape(5, 64) / (5 * 64)
    labels, predictions = np.array([0, 1, 2, 3, 4]), np.array([0, 7, 2, 3, 9])
    figure = plot.digit_grid(images, labels, predictions, columns=3)
    assert len(figure.axes) == 5
    titles = [ax.get_title() for ax in figure.axes]
    assert titles == ["0, pred 0", "1, pred 7", "2, pred 2", "3, pred 3", "4, pred 9"]
    wrong = [to_rgba(ax.title.get_color()) == to_rgba(plot.class_color(0))
             for ax in figure.axes]
    assert wrong == [False, True, False, False, True]
    np.testing.assert_array_equal(figure.axes[1].images[0].get_array(), images[1].reshape(8, 8))


def test_digit_grid_titles_with_labels_only_or_predictions_only():
    images = np.zeros((2, 8, 8))
    assert [ax.get_title() for ax in plot.digit_grid(images, labels=[3, 8]).axes] == ["3", "8"]
    assert [ax.get_title() for ax in plot.digit_grid(images, predictions=[5, 6]).axes] == \
        ["pred 5", "pred 6"]
    assert [ax.get_title() for ax in plot.digit_grid(images).axes] == ["", ""]


def test_confusion_counts_match_a_hand_count():
    y_true = [0, 0, 1, 2, 2, 2]
    y_pred = [0, 1, 1, 2, 0, 2]
    counts = plot.confusion_counts(y_true, y_pred)
    np.testing.assert_array_equal(counts, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert counts.dtype == np.int64


def test_confusion_counts_keep_classes_never_seen():
    counts = plot.confusion_counts([0, 1], [1, 1], num_classes=4)
    assert counts.shape == (4, 4) and counts.sum() == 2 and counts[0, 1] == counts[1, 1] == 1


def test_confusion_counts_reject_mismatched_lengths():
    with pytest.raises(ValueError, match=r"got \(3,\) and \(2,\)"):
        plot.confusion_counts([0, 1, 1], [0, 1])


def test_confusion_matrix_shows_and_prints_every_count():
    y_true = [0, 0, 1, 2, 2, 2]
    y_pred = [0, 1, 1, 2, 0, 2]
    ax = plot.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(ax.images[0].get_array(), [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    printed = {(text.get_position(), text.get_text()) for text in ax.texts}
    assert ((0, 2), "1") in printed and ((2, 2), "2") in printed and ((2, 0), "0") in printed
    assert len(ax.texts) == 9
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"
