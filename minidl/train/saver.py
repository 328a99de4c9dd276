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
            default graph at the time the Saver is made (optimizer slots
            included). A dict {name: variable} saves each under that name.
    """

    def __init__(self, var_list=None):
        if isinstance(var_list, dict):  # TF1's {name in the file: variable}
            self.names, self.variables = list(var_list), list(var_list.values())
        else:
            self.variables = global_variables() if var_list is None else list(var_list)
            self.names = [variable.name for variable in self.variables]
        repeated = sorted({name for name in self.names if self.names.count(name) > 1})
        if repeated:
            raise ValueError(f"more than one variable is named {repeated}: a checkpoint "
                             f"keeps one value per name; give the Saver a var_list "
                             f"with one variable of each name, or a dict {{name: variable}}")

    def save(self, sess, save_path):
        """Write every variable's value to `save_path` (".npz" is added if
        missing) and return the path written.

        The file is written beside the target and then renamed over it, so a
        crash mid-save leaves the last good file untouched.
        """
        path = _npz_path(save_path)
        folder = os.path.dirname(os.path.abspath(path))
        handle, temporary = tempfile.mkstemp(suffix=".npz", dir=folder)
        try:
            with os.fdopen(handle, "wb") as file:
                _write_arrays(file, {name: variable.value
                                     for name, variable in zip(self.names, self.variables)})
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
        path = _npz_path(save_path)
        saved = _read_arrays(path)
        new_values = [_value_for(variable, name, saved, path)
                      for name, variable in zip(self.names, self.variables)]
        for variable, value in zip(self.variables, new_values):
            variable.value = value


def _npz_path(save_path):
    """The file a checkpoint path names: a str or a pathlib.Path, with ".npz"
    added if missing."""
    path = os.fspath(save_path)
    return path if path.endswith(".npz") else path + ".npz"


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


def _value_for(variable, name, saved, path):
    """The value saved under `name` for `variable`, converted to its dtype; an
    error naming the variable when there is none, or it has another shape, or
    converting it would change its kind (floats truncated into integers, say)."""
    if name not in saved:
        saved_as = "" if name == variable.name else f" (saved as '{name}')"
        raise ValueError(f"'{path}' has no value for variable '{variable.name}'{saved_as}; "
                         f"it has {sorted(saved)}")
    value = saved[name]
    if value.shape != variable.shape:
        raise ValueError(f"variable '{variable.name}' has shape {format_shape(variable.shape)}, "
                         f"but '{path}' holds shape {value.shape}")
    if not np.can_cast(value.dtype, variable.dtype, casting="same_kind"):
        raise TypeError(f"variable '{variable.name}' holds {variable.dtype.name} values, but "
                        f"'{path}' holds {value.dtype} values for it, which would not "
                        f"convert without changing their kind; restore into a variable "
                        f"of dtype {value.dtype}")
    return value.astype(variable.dtype)
