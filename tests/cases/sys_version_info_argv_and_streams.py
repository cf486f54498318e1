import sys

print(sys.version_info >= (3, 8), sys.version_info[:2])
print(sys.argv[0].endswith(".py"), len(sys.argv))
sys.stdout.write("ecrit sur stdout\n")
n = sys.stdout.write("abc\n")
print(n)
print("vers stderr", file=sys.stderr)
sys.stderr.write("fin\n")
