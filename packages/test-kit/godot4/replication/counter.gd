extends Node

var value := 0
