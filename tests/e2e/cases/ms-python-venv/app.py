import sys

import greeter

print(greeter.greet("virtualenv"), "from", sys.prefix)
