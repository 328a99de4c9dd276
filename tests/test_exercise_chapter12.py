"""The checks of chapter 12's exercises: which nodes fold, and a pass that removes `x * 1`."""
from exercise_helpers import assert_correct, assert_not_yet, assert_rejected, load_solutions

from minidl.exercises import chapter12
from minidl.optimize.identities import remove_identities
from minidl.optimize.picture import program_for

solutions = load_solutions("chapter12")


def test_the_model_answers_pass(capsys):
    assert_correct(chapter12.check_can_fold, solutions.can_fold, capsys)
    assert_correct(chapter12.check_remove_times_one, solutions.remove_times_one, capsys)


def test_a_stub_is_not_yet_an_answer(capsys):
    assert_not_yet(chapter12.check_can_fold, lambda node: None, capsys)
    assert_not_yet(chapter12.check_remove_times_one, lambda program: None, capsys)


def test_can_fold_looking_only_at_direct_inputs_is_told_to_look_further():
    def direct_inputs_only(node):
        return node.type not in ("Placeholder", "Variable") and all(
            x.type not in ("Placeholder", "Variable") for x in node.inputs)
    assert_rejected(chapter12.check_can_fold, direct_inputs_only,
                    "can_fold(reduce_sum(X) * two) should be False", "its inputs' inputs")


def test_can_fold_that_trusts_variables_is_told_they_change():
    def variables_as_constants(node):
        return node.type != "Placeholder" and all(
            variables_as_constants(x) for x in node.inputs)
    assert_rejected(chapter12.check_can_fold, variables_as_constants,
                    "can_fold(W + 1.0) should be False", "training changes it")


def test_can_fold_may_not_ask_the_optimizer():
    def by_folding(node):
        return program_for(node).fetches[0].kind == "constant"
    assert_rejected(chapter12.check_can_fold, by_folding, "calls `optimize`")


def test_can_fold_must_answer_true_or_false():
    assert_rejected(chapter12.check_can_fold, lambda node: "True", "should be True or False")


def only_on_the_right(program):
    replacements = {}
    for step in program.steps:
        if step.op_type == "Multiply":
            x, one = step.inputs
            if one.kind == "constant" and one.value.size == 1 and one.value == 1:
                replacements[step] = x
    program.replace(replacements)
    return program


def test_an_answer_that_misses_one_times_x_is_told_to_look_at_both_inputs():
    assert_rejected(chapter12.check_remove_times_one, only_on_the_right,
                    "the step 'one_times' still multiplies by 1", "look at both inputs")


def ignoring_shapes(program):
    replacements = {}
    for step in program.steps:
        if step.op_type == "Multiply":
            for x, one in (step.inputs, step.inputs[::-1]):
                if one.kind == "constant" and (one.value == 1).all():
                    replacements[step] = x
                    break
    program.replace(replacements)
    return program


def test_an_answer_that_drops_a_broadcasting_product_is_told_about_the_shape():
    assert_rejected(chapter12.check_remove_times_one, ignoring_shapes,
                    "reduce_sum(X, axis=0) * ones((4, 3))", "shape (3,) instead of (4, 3)",
                    "step.shape")


def reading_the_one_instead_of_x(program):
    replacements = {}
    for step in program.steps:
        if step.op_type == "Multiply":
            for one in step.inputs:
                if one.kind == "constant" and one.value.size == 1 and one.value == 1:
                    replacements[step] = one
                    break
    program.replace(replacements)
    return program


def test_an_answer_that_keeps_the_one_instead_of_x_is_told_about_the_shape():
    assert_rejected(chapter12.check_remove_times_one, reading_the_one_instead_of_x,
                    "for y = X * 1 + 2", "shape () instead of (2, 3)")


def dropping_without_rewiring(program):
    program.steps = [step for step in program.steps
                     if not (step.op_type == "Multiply"
                             and any(x.kind == "constant" and x.value.size == 1
                                     and x.value == 1 for x in step.inputs))]
    return program


def test_an_answer_that_only_drops_the_step_is_told_to_rewire_its_users():
    assert_rejected(chapter12.check_remove_times_one, dropping_without_rewiring,
                    "still uses the step 'times_one'", "program.replace")


def test_the_librarys_own_pass_is_refused():
    assert_rejected(chapter12.check_remove_times_one, remove_identities,
                    "calls `remove_identities`")


def test_an_answer_of_the_wrong_type_is_refused():
    assert_rejected(chapter12.check_remove_times_one, lambda program: program.steps,
                    "should return the program", "a list")
