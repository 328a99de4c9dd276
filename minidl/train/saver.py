"""Saving and restoring variables, as one .npz file keyed by variable name."""
import os
import tempfile
import zipfile

import numpy as np

from ..graph import format_shape
from ..variable import global_variables


class Saver:
    """Saves variables to disk and restores them (`tf.train.Saver`).

    The file is NumPy's .npz: a zip archive holding one .npy array per
    variable, named after it, so `np.load(path)["W"]` reads it too. Nothing
    in it is pickled, so restoring a file runs no code from it.

    Args:
        var_list: the variables to save; by default every variable of the
            default graph at the time the Saver is made (optimizer slots included).
    """

    def __init__(self, var_list=None):
        self.variables = global_variables() if var_list is None else list(var_list)
        names = [variable.name for variable in self.variables]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValueError(f"more than one variable is named {repeated}: a checkpoint "
                             f"keeps one value per name; give the Saver a var_list "
                             f"with one variable of each name")

    def save(self, sess, save_path):
        """Write every variable's value to `save_path` (".npz" is added if
        missing) and return the path written.

        The file is written beside the target and then renamed over it, so a
        crash mid-save leaves the last good file untouched.
        """
        path = save_path if save_path.endswith(".npz") else save_path + ".npz"
        folder = os.path.dirname(os.path.abspath(path))
        handle, temporary = tempfile.mkstemp(suffix=".npz", dir=folder)
        try:
            with os.fdopen(handle, "wb") as file:
                _write_arrays(file, {variable.name: variable.value
                                     for variable in self.variables})
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        return path

    def restore(self, sess, save_path):
        """Set every variable to its value saved in `save_path`.

        Every variable's name, shape and dtype is checked, and every value
        converted, before any variable changes: when one does not fit, the
        error names it and no variable is touched.
        """
        path = save_path if save_path.endswith(".npz") else save_path + ".npz"
        saved = _read_arrays(path)
        new_values = [_value_for(variable, saved, path) for variable in self.variables]
        for variable, value in zip(self.variables, new_values):
            variable.value = value


def _write_arrays(file, arrays):
    """An .npz archive of `arrays` ({name: array}), as np.savez writes it.
    (np.savez takes the names as keyword arguments, so it cannot save one
    called `file` or `allow_pickle`.)"""
    with zipfile.ZipFile(file, "w") as archive:
        for name, array in arrays.items():
            with archive.open(name + ".npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, array, allow_pickle=False)


def _read_arrays(path):
    """{name: array} from a file `Saver.save` wrote; a ValueError saying so
    when the file is something else."""
    with open(path, "rb") as file:
        if not zipfile.is_zipfile(file):
            raise _not_a_checkpoint(path, "it is not a zip archive")
        file.seek(0)
        try:
            with np.load(file, allow_pickle=False) as saved:
                arrays = {name: saved[name] for name in saved.files}
        except (ValueError, zipfile.BadZipFile) as error:
            raise _not_a_checkpoint(path, error) from None
    not_arrays = sorted(name for name, value in arrays.items()
                        if not isinstance(value, np.ndarray))
    if not_arrays:
        raise _not_a_checkpoint(path, f"{not_arrays} are not .npy arrays")
    return arrays


def _not_a_checkpoint(path, reason):
    return ValueError(f"'{path}' is not a minidl checkpoint (an .npz file of arrays, as "
                      f"Saver.save writes): {reason}")


def _value_for(variable, saved, path):
    """The saved value of `variable`, converted to its dtype; an error naming
    the variable when there is none, or it has another shape, or converting
    it would change its kind (floats truncated into integers, say)."""
    if variable.name not in saved:
        raise ValueError(f"'{path}' has no value for variable '{variable.name}'; "
                         f"it has {sorted(saved)}")
    value = saved[variable.name]
    if value.shape != variable.shape:
        raise ValueError(f"variable '{variable.name}' has shape {format_shape(variable.shape)}, "
                         f"but '{path}' holds shape {value.shape}")
    if not np.can_cast(value.dtype, variable.dtype, casting="same_kind"):
        raise TypeError(f"variable '{variable.name}' holds {variable.dtype.name} values, but "
                        f"'{path}' holds {value.dtype} values for it, which would not "
                        f"convert without changing their kind; restore into a variable "
                        f"of dtype {value.dtype}")
    return value.astype(variable.dtype)
