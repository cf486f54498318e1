from datetime import date

print(date.fromisoformat("2024-09-02"))
print(date.fromisoformat("02/09/2024"))
