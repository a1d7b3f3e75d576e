output "data_lake_name" {
  description = "Bucket of Data lake"
  value       = aws_s3_bucket.data_lake.id
}

output "query_results_name" {
  description = "Bucket of Query results"
  value       = aws_s3_bucket.query_results.id
}
