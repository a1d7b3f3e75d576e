output "example_com_name_servers" {
  description = "Name servers of example.com: delegate its domain to them at the parent domain's registrar"
  value       = join(",", aws_route53_zone.example_com.name_servers)
}

output "orders_database_endpoint" {
  description = "Endpoint of Orders database"
  value       = aws_db_instance.orders_database.address
}

output "production_vpc_id" {
  description = "VPC Production VPC"
  value       = aws_vpc.production_vpc.id
}

output "static_assets_name" {
  description = "Bucket of Static assets"
  value       = aws_s3_bucket.static_assets.id
}

output "web_load_balancer_dns_name" {
  description = "DNS name of Web load balancer"
  value       = aws_lb.web_load_balancer.dns_name
}
