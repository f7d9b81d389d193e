―χ™	Ά`jΪu–wyyw—
#yρθNΌλf©}πΏUκgv¶hΎS—~ήvzMbi¦β