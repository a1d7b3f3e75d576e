variable "name" {
  description = "Name prefix of the resources"
  type        = string
  default     = "startup-mvp-flawed-on-purpose"
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

variable "app_database_instance_class" {
  description = "Instance class of App database"
  type        = string
  default     = "db.t3.micro"
}

variable "latest_ami_id" {
  description = "AMI for instances (defaults to the latest Amazon Linux 2023)"
  type        = string
  default     = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

variable "web_server_instance_type" {
  description = "Instance type of Web server"
  type        = string
  default     = "t3.micro"
}
