"""The default session: what `node.eval()` and `op.run()` run in.

`with tf.Session() as sess:` makes `sess` the default session until the
block ends, as in TensorFlow 1, so inside it `accuracy.eval(feed_dict=...)`
means `sess.run(accuracy, feed_dict=...)` and `train_op.run(feed_dict=...)`
means `sess.run(train_op, feed_dict=...)`. `sess.as_default()` does the same
without closing the session at the end, and `tf.InteractiveSession()` is a
session that is the default from the moment it is made (for notebooks).
"""
import contextlib

from .graph import Node

_default_sessions = []  # innermost last


def get_default_session():
    """The innermost default session, or None (`tf.get_default_session`)."""
    return _default_sessions[-1] if _default_sessions else None


def make_default(session):
    """Make `session` the default until `stop_being_default(session)`."""
    _default_sessions.append(session)


def stop_being_default(session):
    """Undo the latest `make_default(session)`; nothing if there is none."""
    for position in reversed(range(len(_default_sessions))):
        if _default_sessions[position] is session:
            del _default_sessions[position]
            return


@contextlib.contextmanager
def as_default(session):
    """A `with` block in which `session` is the default (`sess.as_default()`)."""
    make_default(session)
    try:
        yield session
    finally:
        stop_being_default(session)


def _session_for(node, session, call):
    """The session to run `node` in: the one given, or the default one."""
    session = session or get_default_session()
    if session is None:
        raise ValueError(
            f"'{node.name}'.{call}() needs a session to run in, and there is no default "
            f"session: call it inside `with tf.Session() as sess:`, pass "
            f"session=sess, or write sess.run({node.name})")
    return session


def _eval(self, feed_dict=None, session=None):
    """This node's value, computed by the default session (`tensor.eval()`)."""
    __tracebackhide__ = True
    return _session_for(self, session, "eval").run(self, feed_dict)


def _run(self, feed_dict=None, session=None):
    """Run this operation in the default session, e.g. a training step
    (`op.run()`); returns None, as TensorFlow 1's does."""
    __tracebackhide__ = True
    _session_for(self, session, "run").run(self, feed_dict)


Node.eval = _eval
Node.run = _run
