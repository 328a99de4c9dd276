"""The Playground: TensorFlow Playground rebuilt on minidl graphs and sessions.

- settings.py: what can be set, with Playground's choices.
- code.py: the minidl program for given settings (what "show the code" shows).
- network.py: that program, run, with its data, graph and session.
- picture.py: the network, the boundary and the losses, redrawn in place.
- controls.py, app.py: the widgets, and Play in a background thread.
"""
from .app import Playground, playground
from .code import playground_code
from .settings import Settings

__all__ = ["Playground", "Settings", "playground", "playground_code"]
