# A nightly job written without a #! line: `sh -c ./run-job.sh` runs it as a shell script.
echo "job: $(printf %s "rows=3" | tr = :)"
