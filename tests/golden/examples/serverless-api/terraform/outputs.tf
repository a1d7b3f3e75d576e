output "orders_api_url" {
  description = "Invoke URL of Orders API"
  value       = "https://${aws_api_gateway_rest_api.orders_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/prod"
}

output "web_cdn_domain_name" {
  description = "Domain of Web CDN"
  value       = aws_cloudfront_distribution.web_cdn.domain_name
}

output "web_client_name" {
  description = "Bucket of Web client"
  value       = aws_s3_bucket.web_client.id
}
