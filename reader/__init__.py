"""Dubao 读报: a desktop reader for Chinese policy and news articles."""

__version__ = "0.1.0"
APP_NAME = "Dubao"
APP_ID = "org.dubao.Dubao"
