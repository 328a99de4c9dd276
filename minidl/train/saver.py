"""Saving and restoring variables, as one .npz file keyed by variable name."""
import os
import tempfile

import numpy as np

from ..variable import global_variables


class Saver:
    """Saves variables to disk and restores them (`tf.train.Saver`).

    Args:
        var_list: the variables to save; by default every variable of the
            default graph at the time the Saver is made (optimizer slots included).
    """

    def __init__(self, var_list=None):
        self.variables = global_variables() if var_list is None else list(var_list)

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
                np.savez(file, **{variable.name: variable.value for variable in self.variables})
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        return path

    def restore(self, sess, save_path):
        """Set every variable to its value saved in `save_path`.

        Every name and shape is checked before anything changes: when one does
        not match, a ValueError names the variable and no variable is touched.
        """
        path = save_path if save_path.endswith(".npz") else save_path + ".npz"
        with np.load(path) as saved:
            values = {name: saved[name] for name in saved.files}
        for variable in self.variables:
            if variable.name not in values:
                raise ValueError(f"'{path}' has no value for variable '{variable.name}'; "
                                 f"it has {sorted(values)}")
            if values[variable.name].shape != variable.shape:
                raise ValueError(f"variable '{variable.name}' has shape {variable.shape}, "
                                 f"but '{path}' holds shape {values[variable.name].shape}")
        for variable in self.variables:
            variable.value = values[variable.name].astype(variable.dtype)
