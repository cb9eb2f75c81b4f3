"""Where the Swift tools are: ``RECOMPOSE`` and ``RECOMPOSE_DEV`` (set by Scripts/parity/torch.sh),
else the debug build of the checkout. A test needing them fails under CI=true when they are
missing (a skipped parity check would hide a broken setup) and is skipped otherwise."""

from __future__ import annotations

import os
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("RECOMPOSE_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))


def tool(name: str) -> str:
    variable = "RECOMPOSE_DEV" if name == "recompose-dev" else "RECOMPOSE"
    path = os.environ.get(variable) or os.path.join(ROOT, ".build", "debug", name)
    if not os.access(path, os.X_OK):
        message = f"{name} not built ({path}); run `swift build --product {name}` or set {variable}"
        if os.environ.get("CI") == "true":
            raise AssertionError(message)
        raise unittest.SkipTest(message)
    return path


def shared(relative: str) -> str:
    path = os.path.join(SHARED, relative)
    if not os.path.exists(path):
        message = f"{path} not found (the shared data)"
        if os.environ.get("CI") == "true":
            raise AssertionError(message)
        raise unittest.SkipTest(message)
    return path
