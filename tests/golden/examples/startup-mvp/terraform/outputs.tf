output "app_database_endpoint" {
  description = "Endpoint of App database"
  value       = aws_db_instance.app_database.address
}

output "production_vpc_id" {
  description = "VPC Production VPC"
  value       = aws_vpc.production_vpc.id
}

output "uploads_name" {
  description = "Bucket of Uploads"
  value       = aws_s3_bucket.uploads.id
}
