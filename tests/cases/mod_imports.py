import math as m, time
from random import seed, randint
import sys
seed(1)
print(m.floor(3.7), randint(1, 6), type(time).__name__, sys.argv[0].endswith(".py"))
try:
    import numpy
except ImportError as e:
    print(type(e).__name__, e)
print(__name__)
sys.stdout.write("written\n")
print("to stderr", file=sys.stderr)
