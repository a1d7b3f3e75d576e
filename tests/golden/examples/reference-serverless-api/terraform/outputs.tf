output "example_com_name_servers" {
  description = "Name servers of example.com: delegate its domain to them at the parent domain's registrar"
  value       = join(",", aws_route53_zone.example_com.name_servers)
}

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
