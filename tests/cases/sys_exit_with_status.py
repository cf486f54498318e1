import sys
print("avant exit")
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit attrapée, code", e.code)
sys.exit(3)
print("jamais affiché")
