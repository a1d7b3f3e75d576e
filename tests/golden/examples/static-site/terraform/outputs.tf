output "access_logs_name" {
  description = "Bucket of Access logs"
  value       = aws_s3_bucket.access_logs.id
}

output "example_com_name_servers" {
  description = "Name servers of example.com: delegate its domain to them at the parent domain's registrar"
  value       = join(",", aws_route53_zone.example_com.name_servers)
}

output "website_cdn_domain_name" {
  description = "Domain of Website CDN"
  value       = aws_cloudfront_distribution.website_cdn.domain_name
}

output "website_content_name" {
  description = "Bucket of Website content"
  value       = aws_s3_bucket.website_content.id
}
