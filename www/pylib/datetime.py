# datetime
