"""`tf.InteractiveSession`: a session for notebooks and shells."""
from . import default_session
from .session import Session


class InteractiveSession(Session):
    """A session that is the default session from the moment it is made until
    it is closed, so that `x.eval()` works in the cells that follow
    (`tf.InteractiveSession`). Takes the arguments of `minidl.Session`."""

    def __init__(self, graph=None, **options):
        super().__init__(graph, **options)
        default_session.make_default(self)

    def close(self):
        default_session.stop_being_default(self)
        super().close()
