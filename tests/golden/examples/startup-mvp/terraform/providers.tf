provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = var.name
      ManagedBy   = "archbuilder"
      Environment = var.environment
      Design      = "Startup MVP flawed on purpose"
    }
  }
}
