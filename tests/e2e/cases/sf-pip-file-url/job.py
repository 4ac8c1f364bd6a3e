import greet
print(greet.greeting("dfmod"))
