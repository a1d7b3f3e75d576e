variable "name" {
  description = "Name prefix of the resources"
  type        = string
  default     = "three-tier-web-application"
}

variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Environment the resources are tagged with"
  type        = string
  default     = "production"
}

variable "app_servers_instance_type" {
  description = "Instance type of App servers"
  type        = string
  default     = "t3.small"
}

variable "example_com_domain_name" {
  description = "Domain of the hosted zone example.com"
  type        = string
  default     = "example.com"
}

variable "latest_ami_id" {
  description = "AMI for instances (defaults to the latest Amazon Linux 2023)"
  type        = string
  default     = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

variable "orders_database_instance_class" {
  description = "Instance class of Orders database"
  type        = string
  default     = "db.t3.micro"
}
