package main

import (
	"fmt"
	"strings"
)

func main() {
	text := "a codemod for dockerfiles keeps what the build does"
	fmt.Printf("words: %d\n", len(strings.Fields(text)))
}
