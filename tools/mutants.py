"""Wrong results planted in the optimizing session, one at a time, for
`tools/mutation_check.py` (a pytest plugin: `-p mutants` with tools/ on the path).

The environment variable MINIDL_MUTANT names the mutant; each one makes one
pass, or the code generator, compute something wrong while everything else
stays as it is. A test suite that guards the optimizer fails under every one,
whether its sessions are plain by default (`make test`) or optimizing
(`make test-optimized`).
"""
import os

import numpy as np


def _wrong_factor_in_generated_code():
    from minidl.optimize import codegen
    codegen._OPERATORS["Multiply"] = "{0} * {1} * 1.5"


def _replace_pass(original, mutated):
    from minidl.optimize import plan
    passes = tuple(mutated if p is original else p for p in plan.PASSES)
    plan.PASSES = passes
    plan.optimize.__defaults__ = (passes,)


def _constant_folding_folds_a_wrong_value():
    from minidl.constant import Constant
    from minidl.optimize import constant_folding

    def fold_wrongly(program):
        program = constant_folding.fold_constants(program)
        for step in program.steps:
            if step.kind == "constant" and not isinstance(step.origin, Constant):
                step.value = step.value * 2
        return program
    _replace_pass(constant_folding.fold_constants, fold_wrongly)


def _common_subexpressions_ignore_attributes():
    from minidl.optimize import common_subexpressions
    key = common_subexpressions._key

    def key_without_attributes(step):
        found = key(step)
        return found if found is None or found[0] == "constant" else (
            found[0], found[1], found[3])
    common_subexpressions._key = key_without_attributes


def _identities_ignore_the_constants_value():
    from minidl.optimize import identities

    def any_number(step, number):
        return step.kind == "constant" and step.value.size == 1
    identities._is_constant = any_number


def _stable_softmax_forgets_the_shift():
    from minidl.optimize import stable_softmax

    def log_softmax(axis):
        def wrong(x):
            return x - np.log(np.exp(x).sum(axis=axis, keepdims=True)) - 0.25
        return wrong
    stable_softmax._log_softmax = log_softmax


def _fused_cross_entropy_gradient_flips_its_sign():
    from minidl.optimize import softmax_cross_entropy
    fused = softmax_cross_entropy._softmax_cross_entropy_gradient
    softmax_cross_entropy._softmax_cross_entropy_gradient = (
        lambda axis, negated: fused(axis, not negated))


def _in_place_update_adds_twice():
    from minidl.optimize import in_place_updates

    def add_twice(variable, update, alone):
        variable.value = variable.value + 2 * update
    in_place_updates.add_to = add_twice


MUTANTS = {
    "codegen": _wrong_factor_in_generated_code,
    "constant_folding": _constant_folding_folds_a_wrong_value,
    "common_subexpressions": _common_subexpressions_ignore_attributes,
    "identities": _identities_ignore_the_constants_value,
    "stable_softmax": _stable_softmax_forgets_the_shift,
    "softmax_cross_entropy": _fused_cross_entropy_gradient_flips_its_sign,
    "in_place_updates": _in_place_update_adds_twice,
}


def pytest_configure(config):
    MUTANTS[os.environ["MINIDL_MUTANT"]]()
