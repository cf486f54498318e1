try:
    import numpy
except ModuleNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, ImportError))
try:
    from requetes import get
except ImportError as e:
    print(e)
import collections, json, itertools, functools, dataclasses, contextlib, string, typing
print("les modules courants sont la")
import pandas
