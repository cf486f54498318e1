try:
    {}["missing"]
except KeyError:
    raise RuntimeError("lookup failed")
