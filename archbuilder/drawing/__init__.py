"""Drawing geometry without Qt: absolute boxes, span copies, orthogonal routes, caption places and the diagram
the exporters draw; shared by the canvas and the PNG/SVG/draw.io exports, so both draw the same picture."""
