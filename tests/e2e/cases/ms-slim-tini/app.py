print("slim python under tini")
