output "lake_name" {
  description = "Bucket of Lake"
  value       = aws_s3_bucket.lake.id
}

output "query_results_name" {
  description = "Bucket of Query results"
  value       = aws_s3_bucket.query_results.id
}
