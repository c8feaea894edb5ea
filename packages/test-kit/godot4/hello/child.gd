extends Node

var greeting := "hello from child.gd"
