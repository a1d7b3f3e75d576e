"""Entry script of the frozen bundle: one executable serving both commands.

The bundle's `archbuilder-gui` is a symbolic link to `archbuilder`; the name it was started under picks
the GUI entry point, exactly like the `archbuilder-gui` script of a pip install.
"""

from __future__ import annotations

import os
import sys

from archbuilder.launcher import console_main, gui_main

if __name__ == "__main__":
    if os.path.basename(sys.argv[0]) == "archbuilder-gui":
        raise SystemExit(gui_main())
    console_main()
