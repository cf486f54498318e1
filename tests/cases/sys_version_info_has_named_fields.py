import sys
from sys import version_info

print(sys.version_info >= (3, 11), sys.version_info[:2], version_info < (4,), (3, 10) < sys.version_info)
print(sys.version_info.major, sys.version_info.minor, sys.version_info.micro >= 0, sys.version_info.releaselevel)
print(tuple(sys.version_info)[:2], len(sys.version_info), sys.version_info[0])
major, minor, *_ = sys.version_info
print(major, minor, f"Python {sys.version_info.major}.{sys.version_info.minor}")
if sys.version_info < (3, 11):
    sys.exit("Python 3.11 requis")
print("ok")
