import statistics

mesures = []
print("moyenne :")
print(statistics.mean(mesures))
