# contextlib
