package main

import (
	"flag"
	"net/http"
)

func main() {
	listen := flag.String("listen", ":8080", "address")
	flag.Parse()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	http.ListenAndServe(*listen, nil)
}
