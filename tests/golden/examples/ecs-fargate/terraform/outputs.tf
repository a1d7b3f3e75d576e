output "production_vpc_id" {
  description = "VPC Production VPC"
  value       = aws_vpc.production_vpc.id
}

output "service_load_balancer_dns_name" {
  description = "DNS name of Service load balancer"
  value       = aws_lb.service_load_balancer.dns_name
}
