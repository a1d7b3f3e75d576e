output "collector_api_url" {
  description = "Invoke URL of Collector API"
  value       = "https://${aws_api_gateway_rest_api.collector_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/prod"
}

output "data_lake_name" {
  description = "Bucket of Data lake"
  value       = aws_s3_bucket.data_lake.id
}

output "query_results_name" {
  description = "Bucket of Query results"
  value       = aws_s3_bucket.query_results.id
}
