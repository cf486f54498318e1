# len() and indexing of ranges longer than 2**32 (the wasm build has 32-bit usize).
r = range(-2**62, 2**62, 7)
print(len(r), r[-1], r[0], r[5])
r2 = range(2**63-1)
print(len(r2), r2[-1])
try:
    r[len(r)]
except IndexError as e:
    print(e)
try:
    len(range(-2**63, 2**63-1))
except OverflowError as e:
    print(e)
print(range(10)[True], range(10)[-10])
try:
    range(3)[1.5]
except TypeError as e:
    print(e)
