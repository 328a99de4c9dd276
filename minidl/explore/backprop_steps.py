"""Chapter 5b's explorable: step through a backpropagation trace with
Previous and Next, the graph picture showing the gradients arrived so far."""
import io

import ipywidgets as widgets
from PIL import Image

from .explorable import RETINA, Explorable


class BackpropStepper(Explorable):
    """The pictures of `trace.draw(1)`, `trace.draw(2)`, ... one at a time.

    Next and Previous move the step slider, which says which step is shown
    (each is off where it cannot go);
    the picture is the trace's own (the node visited in red, the gradients
    known so far).
    """

    def __init__(self, trace, step=1):
        self.trace = trace
        last = len(trace.steps)
        self.previous = widgets.Button(description="Previous", icon="arrow-left")
        self.next = widgets.Button(description="Next", icon="arrow-right")
        step_slider = widgets.IntSlider(value=step, min=1, max=last, description="step")
        self.previous.on_click(lambda _: self.go(-1))
        self.next.on_click(lambda _: self.go(+1))
        super().__init__({"step": step_slider}, figsize=None,
                         buttons=(self.previous, self.next))

    def go(self, offset):
        """Move `offset` steps (Next is +1, Previous is -1), staying within the trace."""
        step = self.controls["step"]
        self.set(step=min(max(step.value + offset, step.min), step.max))

    def update(self):
        """Show the current step; Previous and Next are off at either end."""
        step = self.controls["step"]
        self.previous.disabled = step.value == step.min
        self.next.disabled = step.value == step.max
        super().update()

    def render(self, scale=1):
        """The trace's own picture of the current step."""
        return self.trace.draw(self.value("step")).png(scale)

    def size(self):
        return self.trace.draw(self.value("step")).size()

    def still(self):
        """The walk at three moments, one above the other: its first step, its
        middle one and its last, when every gradient has arrived."""
        last = len(self.trace.steps)
        pictures = [self.trace.draw(number) for number in sorted({1, (last + 1) // 2, last})]
        images = [Image.open(io.BytesIO(picture.png(RETINA))) for picture in pictures]
        sheet = Image.new("RGB", (max(image.width for image in images),
                                  sum(image.height for image in images)), "white")
        top = 0
        for image in images:
            sheet.paste(image, (0, top))
            top += image.height
        buffer = io.BytesIO()
        sheet.save(buffer, format="png")
        return buffer.getvalue(), (sheet.width // RETINA, sheet.height // RETINA)

    def describe(self):
        step = self.trace.steps[self.value("step") - 1]
        return (f"step {step.number} of {len(self.trace.steps)}: {step.node}, "
                f"{len(step.arrivals)} gradient(s) arrived")


def backprop_stepper(trace, step=1):
    """Chapter 5b: Previous/Next through `trace` (from `tf.backprop_trace`),
    one picture of the graph per step of the reverse walk."""
    return BackpropStepper(trace, step)
