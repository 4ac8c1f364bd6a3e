package main

/*
#include <stdio.h>
#include <stdlib.h>

static int sum(int a, int b) { return a + b; }

static char *label(void) {
	char *s = malloc(32);
	snprintf(s, 32, "sum from C");
	return s;
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	s := C.label()
	defer C.free(unsafe.Pointer(s))
	fmt.Printf("%s: %d\n", C.GoString(s), int(C.sum(40, 2)))
}
