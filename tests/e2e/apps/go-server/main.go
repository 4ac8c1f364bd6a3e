package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "18083"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello from go-server (%s)\n", runtime.Version())
	})
	addr := "127.0.0.1:" + port
	log.Printf("go-server listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
